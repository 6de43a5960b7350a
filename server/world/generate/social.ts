// Smoking status, one SocialHistory per record. Adults follow the original mix (unknown 32 %,
// former 20 %, never 20 %, some-day 18 %, every-day 10 %); COPD and coronary disease make a
// smoking history likely, and children never smoke.
import { enumCode, type PatientContext } from './context.js';

const EVERY_DAY = '449868002';
const SOME_DAY = '428041000124106';
const FORMER = '8517006';
const NEVER = '266919005';
const UNKNOWN = '266927001';

export function addSocialHistory(ctx: PatientContext): void {
  const { rng } = ctx;
  let status: string;
  if (ctx.isChild) status = NEVER;
  else if (ctx.has('copd')) status = rng.weighted([{ weight: 6, value: FORMER }, { weight: 4, value: EVERY_DAY }]);
  else if (ctx.has('coronary') || ctx.has('heartFailure')) status = rng.weighted([{ weight: 6, value: FORMER }, { weight: 2, value: NEVER }, { weight: 2, value: SOME_DAY }]);
  else {
    status = rng.weighted([
      { weight: 32, value: UNKNOWN },
      { weight: 20, value: FORMER },
      { weight: 20, value: NEVER },
      { weight: 18, value: SOME_DAY },
      { weight: 10, value: EVERY_DAY },
    ]);
  }
  ctx.smoker = status === EVERY_DAY || status === SOME_DAY ? 'current' : status === FORMER ? 'former' : status === NEVER ? 'never' : 'unknown';
  ctx.record.socialHistory = { smokingStatus: enumCode('SmokingStatus', status) };
}
