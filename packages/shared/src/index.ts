export * from './roles.js';
export * from './errors.js';
export * from './dictionaries.js';
export * from './text.js';
export * from './validators/uscc.js';
export * from './validators/mobile.js';
export * from './password-policy.js';
export * from './schemas/common.js';
