import { Ajv2020 } from 'ajv/dist/2020.js';
import schema from '../../schemas/plan.schema.json' with { type: 'json' };
import type { Plan } from './types.js';

const ajv = new Ajv2020({ allErrors: true, strict: false });
/** Checks a saved plan read from disk against schemas/plan.schema.json. */
export const validatePlanDocument = ajv.compile<Plan>(schema);
