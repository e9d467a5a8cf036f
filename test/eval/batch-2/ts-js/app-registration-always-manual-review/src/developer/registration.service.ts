import { Injectable } from '@nestjs/common';
import { AppRepo } from './app.repo';
import { ReviewQueue } from './review-queue';

@Injectable()
export class AppRegistrationService {
  constructor(private readonly apps: AppRepo, private readonly reviews: ReviewQueue) {}

  async register(body: { name: string; redirectUris: string[]; scopes: string[]; softwareStatement?: string }) {
    const app = await this.apps.insert({ ...body, status: 'AWAITING_APPROVAL' });
    await this.reviews.queueForManualReview(app.id, { assignee: 'partnerships' });
    return { client_id: app.clientId, status: app.status };
  }
}
