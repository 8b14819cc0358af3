import type { ValidateFunction } from 'ajv';
import { validate as validatePlan } from './plan-schema.generated.js';
import type { Plan } from './types.js';

/**
 * Checks a saved plan read from disk against schemas/plan.schema.json, compiled at build time
 * (scripts/compile-schemas.mjs): importing this costs no schema compile and no ajv compiler.
 */
export const validatePlanDocument = validatePlan as unknown as ValidateFunction<Plan>;
