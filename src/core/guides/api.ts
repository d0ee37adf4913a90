import { z } from 'zod';
import { guideIdSchema } from './guide.schema';

export const guideParamsSchema = z.object({ guideId: guideIdSchema }).strict();

export const guideProgressBodySchema = z
  .object({ event: z.enum(['opened', 'completed'], { error: 'expected "opened" or "completed"' }) })
  .strict();

export interface GuideStatsView {
  guideId: string;
  opened: number;
  completed: number;
  helpAtSteps: { step: number; calls: number }[];
}
