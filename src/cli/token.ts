import { Command } from 'commander';
import { COUNTRY } from '../application/authorization';
import { type UnitLevel, levelOfCode } from '../domain/rules/units/units';
import { DEVELOPMENT_JWT_SECRET, TOKEN_ROLES, type TokenRole, durationSeconds, mintToken } from '../http/auth/tokens';
import { type CliIo, UsageError } from './io';
import { abolishedOn, codeAndName } from '../domain/rules/units/abolished';
import { vietnamDate } from '../domain/rules/businessDate';
import { LAST_DAY_OF_DISTRICTS } from '../domain/rules/reorganisation';

const ROLES = `ROLE: ${TOKEN_ROLES.join(' | ')}`;
const UNITS =
  "CODE: a commune ('02155') for a COMMUNE_OFFICER, a district ('066') for a DISTRICT_OFFICER, a province ('19') for a PROVINCIAL_OFFICER, 'VN' for national roles";

/** The unit level each office works at, to catch a token that could never act (a district officer of a province). */
const LEVEL: Partial<Record<TokenRole, UnitLevel>> = {
  COMMUNE_OFFICER: 'COMMUNE',
  DISTRICT_OFFICER: 'DISTRICT',
  PROVINCIAL_OFFICER: 'PROVINCE',
};

export interface TokenOptions {
  readonly role?: string;
  readonly unit?: string;
  readonly sub?: string;
  readonly expires: string;
}

interface MintRequest {
  readonly role: TokenRole;
  readonly unit: string;
  readonly sub: string;
  readonly expires: string;
}

/** The token the options ask for, or a UsageError saying why no official could use it. */
function mintRequest(options: TokenOptions): MintRequest {
  const role = options.role?.toUpperCase() as TokenRole | undefined;
  if (!role || !TOKEN_ROLES.includes(role)) throw new UsageError(`--role is required\n  ${ROLES}`);
  const unit = options.unit;
  if (!unit || !/^[A-Za-z0-9]{1,16}$/.test(unit)) throw new UsageError(`--unit is required\n  ${UNITS}`);
  const level = LEVEL[role];
  const known = levelOfCode(unit);
  if (level && known && known !== level) {
    throw new UsageError(`A ${role} works in a ${level.toLowerCase()}; ${unit} is a ${known.toLowerCase()}`);
  }
  if (role === 'NATIONAL_COUNCIL' && unit !== COUNTRY) {
    throw new UsageError(`The NATIONAL_COUNCIL acts for the whole country: --unit ${COUNTRY}`);
  }
  try {
    durationSeconds(options.expires); // refuses '8 hours' before anything is signed
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return { role, unit, sub: options.sub ?? `${role.toLowerCase()}-${unit}`, expires: options.expires };
}

/** Prints a bearer token on stdout, signed with OCOP_JWT_SECRET or the public development secret. */
export function token(options: TokenOptions, io: CliIo): void {
  const { role, unit, sub, expires } = mintRequest(options);
  const secret = io.env['OCOP_JWT_SECRET'] || undefined;
  if (!secret) io.stderr.write('Signed with the public DEVELOPMENT secret: only a development server accepts it.\n');
  if (io.env['OCOP_JWKS_URL'])
    io.stderr.write('OCOP_JWKS_URL is set: the server verifies tokens there, not this one.\n');
  const abolished = abolishedOn(unit, vietnamDate(new Date()));
  if (abolished) {
    const next = abolished.successors.map(codeAndName).join(', ') || 'no unit the registry knows';
    io.stderr.write(
      `Warning: ${codeAndName(abolished.former)} no longer exists (abolished after ${LAST_DAY_OF_DISTRICTS}); ` +
        `its territory is in ${next}. The token is minted for decisions dated before then.\n`,
    );
  }
  io.stdout.write(`${mintToken({ sub, role, unit, expiresIn: expires }, secret ?? DEVELOPMENT_JWT_SECRET)}\n`);
}

export const tokenCommand = (io: CliIo): Command =>
  new Command('token')
    .description('Print a bearer token for an official (development, or signed with OCOP_JWT_SECRET).')
    .option('--role <role>', `the official's role (${TOKEN_ROLES.join(', ')})`)
    .option('--unit <code>', "the office's unit: a commune ('02155'), a district ('066'), a province ('19') or 'VN'")
    .option('--sub <id>', "the official's id (default: role-unit)")
    .option('--expires <duration>', 'lifetime: a number of s, m, h or d', '8h')
    .addHelpText('after', `\n  ${ROLES}\n  ${UNITS}`)
    .action((options: TokenOptions) => token(options, io));
