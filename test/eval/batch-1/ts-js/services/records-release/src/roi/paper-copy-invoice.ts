import { Injectable } from '@nestjs/common';
import { RoiRequest } from './roi-request.entity';

/**
 * Invoice for paper copies and physical media the requester asked to receive
 * by mail. Electronic copies and portal downloads are never invoiced.
 * Amounts follow the cost-based schedule in HIM-POL-031 (paper, toner,
 * media and postage at cost).
 */
const PAPER_COST_PER_PAGE = 0.1;
const TONER_COST_PER_PAGE = 0.04;
const CD_MEDIA_COST = 1.75;

export interface PaperInvoiceLine {
  description: string;
  amount: number;
}

@Injectable()
export class PaperCopyInvoiceService {
  linesFor(request: RoiRequest, printedPages: number, postage: number): PaperInvoiceLine[] {
    if (request.deliveryFormat === 'electronic') return [];

    const lines: PaperInvoiceLine[] = [];
    if (request.deliveryFormat === 'paper') {
      lines.push({
        description: `Paper copy, ${printedPages} printed pages`,
        amount: round(printedPages * (PAPER_COST_PER_PAGE + TONER_COST_PER_PAGE)),
      });
    }
    if (request.deliveryFormat === 'cd') {
      lines.push({ description: 'CD-ROM media', amount: CD_MEDIA_COST });
    }
    if (request.deliveryMethod === 'mail') {
      lines.push({ description: 'Postage (USPS, actual cost)', amount: round(postage) });
    }
    return lines;
  }

  total(lines: PaperInvoiceLine[]): number {
    return round(lines.reduce((sum, line) => sum + line.amount, 0));
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
