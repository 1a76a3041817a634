import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { Id } from '../../../api/types';
import type { SurveyTemplate } from '../../visits/visit-types';
import { SURVEY_TEMPLATES_KEY } from '../../visits/visits-api';
import type { SurveyTemplateBody } from './survey-form-values';

/** Add and change templates; each refreshes the list the visit form picks from too. */
export function useSurveyTemplateMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: SURVEY_TEMPLATES_KEY });
  return {
    create: useMutation({
      mutationFn: (body: SurveyTemplateBody) => api.post<SurveyTemplate>('/api/survey-templates', body),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ id, ...body }: SurveyTemplateBody & { id: Id; version: number }) =>
        api.put<SurveyTemplate>(`/api/survey-templates/${encodeURIComponent(String(id))}`, body),
      onSuccess,
    }),
  };
}
