import { Injectable, Logger } from '@nestjs/common';
import { channelsForRequester, DeliveryChannel } from './delivery-channels';
import { FaxGatewayClient } from '../integrations/fax-gateway.client';
import { MailroomClient } from '../integrations/mailroom.client';
import { PortalDocumentsClient } from '../integrations/portal-documents.client';
import { SecureEmailClient } from '../integrations/secure-email.client';
import { ReleaseRequest } from '../roi/release-request.entity';
import { RecordPacket } from '../roi/record-packet';

@Injectable()
export class ReleaseDispatcherService {
  private readonly logger = new Logger(ReleaseDispatcherService.name);

  constructor(
    private readonly fax: FaxGatewayClient,
    private readonly mailroom: MailroomClient,
    private readonly portal: PortalDocumentsClient,
    private readonly secureEmail: SecureEmailClient,
  ) {}

  /** Sends a prepared record packet over the channel the requester may use. */
  async dispatch(request: ReleaseRequest, packet: RecordPacket): Promise<DeliveryChannel> {
    const offered = channelsForRequester(request.requesterKind);
    const channel = offered.includes(request.preferredChannel)
      ? request.preferredChannel
      : offered[0];

    switch (channel) {
      case 'fax':
        await this.fax.send(request.recipient.faxNumber, packet.asPdf());
        break;
      case 'usps_mail':
        await this.mailroom.enqueue(request.recipient.postalAddress, packet.asPdf());
        break;
      case 'portal_download':
        await this.portal.publish(request.patientId, packet.asCcda());
        break;
      case 'secure_email':
        await this.secureEmail.send(request.recipient.email, packet.asPdf());
        break;
      case 'fhir_bundle':
        await this.portal.publish(request.patientId, packet.asFhirBundle());
        break;
      default:
        throw new Error(`unsupported channel ${channel}`);
    }

    this.logger.log(`ROI ${request.id} delivered by ${channel}`);
    return channel;
  }
}
