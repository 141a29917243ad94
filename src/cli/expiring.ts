import { Command, InvalidArgumentError, Option } from 'commander';
import { expiringCertificates } from '#projections/certificates.projection';
import { replayLog } from '#projections/replay';
import { daysBetween, isBusinessDate, vietnamDate } from '../domain/rules/businessDate';
import { EXPIRY_WINDOW_MAX_DAYS } from '../domain/rules/certificateValidity';
import { openStore } from './openStore';
import { type CliIo, UsageError } from './io';
import { requireProvinceOn } from '../domain/rules/units/readPlace';

export interface ExpiringOptions {
  readonly within: number;
  readonly on?: string;
  readonly province?: string;
}

function withinArgument(text: string): number {
  const days = Number(text);
  if (!/^\d+$/.test(text) || days > EXPIRY_WINDOW_MAX_DAYS)
    throw new InvalidArgumentError(`It must be a whole number of days from 0 to ${EXPIRY_WINDOW_MAX_DAYS}.`);
  return days;
}

function dateArgument(text: string): string {
  if (!isBusinessDate(text)) throw new InvalidArgumentError('A date is written YYYY-MM-DD.');
  return text;
}

/**
 * The certificates an office must tell their holders about: VALID on `on` (today in Vietnam by default),
 * with their last valid day within `within` days of it, soonest first, one line each.
 */
export async function expiring(options: ExpiringOptions, io: CliIo): Promise<void> {
  const on = options.on ?? vietnamDate(new Date());
  if (options.province) {
    try {
      requireProvinceOn(options.province, on);
    } catch (error) {
      throw new UsageError(`--province: ${(error as Error).message}`);
    }
  }
  const store = await openStore(io.env);
  try {
    const { models } = await replayLog(store);
    const found = expiringCertificates(
      { models, day: on },
      { within: options.within, on, provinceCode: options.province },
    );
    const lines = found.map((c) => {
      const product = models.products.get(c.productId)?.name ?? c.productId;
      const left = daysBetween(on, c.expiresOn);
      return `${c.expiresOn}  ${String(left).padStart(4)} days  ${c.stars}★ ${c.level.padEnd(8)}  ${c.id}  ${product}`;
    });
    const where = options.province ? ` in province ${options.province}` : '';
    io.stderr.write(
      `${found.length} valid certificate(s)${where} whose last day falls within ${options.within} days of ${on}\n`,
    );
    if (lines.length > 0) io.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await store.close();
  }
}

export const expiringCommand = (io: CliIo): Command =>
  new Command('expiring')
    .description('Certificates nearing their last valid day: the holders to tell (at least 30 days ahead) and renew.')
    .addOption(
      new Option('--within <days>', 'days ahead of --on, that day included').default(90).argParser(withinArgument),
    )
    .addOption(
      new Option('--on <date>', 'the day counted from, YYYY-MM-DD (default: today in Vietnam)').argParser(dateArgument),
    )
    .option('--province <code>', 'only products located in this province on --on (e.g. 19 for Thái Nguyên)')
    .action((options: ExpiringOptions) => expiring(options, io));
