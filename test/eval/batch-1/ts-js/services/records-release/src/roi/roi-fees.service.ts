import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { RoiRequest } from './roi-request.entity';

interface FeeSchedule {
  paperCopyPerPage: number;
  paperCopyMaximum: number;
  cdOrUsbMedia: number;
  postage: 'actual-cost' | number;
  electronicCopyFlatFee: number;
}

export interface FeeQuote {
  requestId: string;
  lines: Array<{ item: string; amount: number }>;
  total: number;
}

@Injectable()
export class RoiFeesService {
  private readonly fees: FeeSchedule;

  constructor(config: ConfigService) {
    this.fees = config.getOrThrow<FeeSchedule>('releaseOfInformation.fees');
  }

  /** Quote sent to the requester before the packet is released. */
  quote(request: RoiRequest, pageCount: number, postageCost = 0): FeeQuote {
    const lines: FeeQuote['lines'] = [];

    if (request.deliveryFormat === 'electronic') {
      lines.push({ item: 'Electronic copy', amount: this.fees.electronicCopyFlatFee });
    } else {
      const paper = Math.min(pageCount * this.fees.paperCopyPerPage, this.fees.paperCopyMaximum);
      lines.push({ item: `Paper copy (${pageCount} pages)`, amount: paper });
      if (request.deliveryFormat === 'cd') lines.push({ item: 'CD media', amount: this.fees.cdOrUsbMedia });
      if (request.deliveryMethod === 'mail') lines.push({ item: 'Postage', amount: postageCost });
    }

    const total = Math.round(lines.reduce((sum, l) => sum + l.amount, 0) * 100) / 100;
    return { requestId: request.id, lines, total };
  }
}
