import { backupCommand } from './backup';
import { digestCommand } from './digest';
import { expiringCommand } from './expiring';
import { exportCommand } from './export';
import { importCommand } from './import';
import type { CommandFactory } from './io';
import { qrCommand } from './qr';
import { replayCommand } from './replay';
import { schemaCommand } from './schema';
import { serveCommand } from './serve';
import { tokenCommand } from './token';
import { verifyCommand } from './verify';

/** Every `ocop` command, in the order `ocop --help` lists them. A new command is a file here and a line below. */
export const COMMANDS: readonly CommandFactory[] = [
  serveCommand,
  schemaCommand,
  tokenCommand,
  exportCommand,
  importCommand,
  replayCommand,
  verifyCommand,
  digestCommand,
  backupCommand,
  qrCommand,
  expiringCommand,
];
