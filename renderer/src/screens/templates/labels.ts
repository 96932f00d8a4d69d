import type { TemplateSummary } from '../../../../shared/contract/templates';
import type { QuestionType, TargetGroup } from '../../../../shared/templates/schema';

export const ORIGIN_LABELS: Record<TemplateSummary['origin'], string> = {
  bundled: 'Inbyggd',
  user: 'Egen',
  imported: 'Importerad',
};

export const TARGET_GROUP_LABELS: Record<TargetGroup, string> = {
  barn: 'Barn',
  vuxna: 'Vuxna',
};

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  scale: 'Bedömningsskala',
  choice: 'Val bland alternativ',
  date: 'Datum',
  number: 'Tal',
  text: 'Fritext',
};

export { formatDateTime } from '../../../../shared/util/format-sv';
