import { parseArgs } from 'node:util';
import { COUNTRY } from '../application/authorization';
import { findUnit } from '../domain/rules/administrativeUnits';
import {
  DEVELOPMENT_JWT_SECRET,
  TOKEN_ROLES,
  type TokenRole,
  durationSeconds,
  mintToken,
} from '../graphql/auth/tokens';

export class TokenUsageError extends Error {}

const USAGE = `Usage: ocop token --role ROLE --unit CODE [--sub ID] [--expires 8h]
  ROLE: ${TOKEN_ROLES.join(' | ')}
  CODE: a district ('066') for a DISTRICT_OFFICER, a province ('06') for a PROVINCIAL_OFFICER, 'VN' for national roles
Signs with OCOP_JWT_SECRET, or with the public development secret when it is not set.`;

/** The unit level each office works at, to catch a token that could never act (a district officer of a province). */
const LEVEL: Partial<Record<TokenRole, 'DISTRICT' | 'PROVINCE'>> = {
  DISTRICT_OFFICER: 'DISTRICT',
  PROVINCIAL_OFFICER: 'PROVINCE',
};

export interface MintRequest {
  readonly role: TokenRole;
  readonly unit: string;
  readonly sub: string;
  readonly expires: string;
}

export function parseTokenArgs(args: string[]): MintRequest {
  const { values } = parseArgs({
    args,
    options: {
      role: { type: 'string' },
      unit: { type: 'string' },
      sub: { type: 'string' },
      expires: { type: 'string', default: '8h' },
    },
    strict: true,
  });
  const role = values.role?.toUpperCase() as TokenRole | undefined;
  if (!role || !TOKEN_ROLES.includes(role)) throw new TokenUsageError(`--role is required\n${USAGE}`);
  const unit = values.unit;
  if (!unit || !/^[A-Za-z0-9]{1,16}$/.test(unit)) throw new TokenUsageError(`--unit is required\n${USAGE}`);
  const level = LEVEL[role];
  const known = findUnit(unit);
  if (level && known && known.level !== level) {
    throw new TokenUsageError(`A ${role} works in a ${level.toLowerCase()}; ${unit} is a ${known.level.toLowerCase()}`);
  }
  if (role === 'NATIONAL_COUNCIL' && unit !== COUNTRY) {
    throw new TokenUsageError(`The NATIONAL_COUNCIL acts for the whole country: --unit ${COUNTRY}`);
  }
  durationSeconds(values.expires); // refuses '8 hours' before anything is signed
  return { role, unit, sub: values.sub ?? `${role.toLowerCase()}-${unit}`, expires: values.expires };
}

/** `ocop token --role ROLE --unit CODE [--sub ID] [--expires 8h]` prints a bearer token on stdout. */
export async function token(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let request: MintRequest;
  try {
    request = parseTokenArgs(args);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 2;
    return;
  }
  const secret = env['OCOP_JWT_SECRET'] || undefined;
  if (!secret) console.error('Signed with the public DEVELOPMENT secret: only a development server accepts it.');
  if (env['OCOP_JWKS_URL']) console.error('OCOP_JWKS_URL is set: the server verifies tokens there, not this one.');
  const { role, unit, sub, expires } = request;
  process.stdout.write(`${mintToken({ sub, role, unit, expiresIn: expires }, secret ?? DEVELOPMENT_JWT_SECRET)}\n`);
}
