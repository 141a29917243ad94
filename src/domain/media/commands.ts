import type { BusinessDate } from '../rules/businessDate';
import type { MediaLevel } from '../rules/plan180Targets';

export type RecordMediaCoverage = {
  type: 'RecordMediaCoverage';
  itemId: string;
  provinceCode: string;
  outlet: string;
  outletLevel: MediaLevel;
  title: string;
  publishedOn: BusinessDate;
  url?: string | null;
  today: BusinessDate;
};

export type MediaCommand = RecordMediaCoverage;
