/** A feature priced before launch: credits per interaction × daily users (the seed's 3 × 500 = 1,500). */
export interface WhatIfInput {
  creditsPerInteraction: number;
  dailyUsers: number;
  /** Interactions per user per day; 1 unless said. */
  interactionsPerUser?: number;
  /** The pool's allowance per period. */
  allowance: number;
  /** Credits left now, for days to exhaustion from today. */
  remaining: number;
  periodDays: number;
}

export interface WhatIf {
  dailyBurn: number;
  periodDemand: number;
  /** Days until what is left now runs out at this burn alone; null when it burns nothing. */
  daysToExhaustion: number | null;
  /** Whether a full period of this burn fits the allowance. */
  fitsPlan: boolean;
}

export function whatIf(input: WhatIfInput): WhatIf {
  const dailyBurn = input.creditsPerInteraction * input.dailyUsers * (input.interactionsPerUser ?? 1);
  const periodDemand = dailyBurn * input.periodDays;
  return {
    dailyBurn,
    periodDemand,
    daysToExhaustion:
      dailyBurn > 0 ? Math.round((Math.max(0, input.remaining) / dailyBurn) * 100) / 100 : null,
    fitsPlan: periodDemand <= input.allowance,
  };
}
