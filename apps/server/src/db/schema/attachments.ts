export interface AttachmentsTable {
  tenantId: string;
  id: string;
  entityType: string;
  entityId: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  /** Path relative to the data dir's attachments folder. */
  storagePath: string;
  createdBy: string;
  createdAt: string;
}
