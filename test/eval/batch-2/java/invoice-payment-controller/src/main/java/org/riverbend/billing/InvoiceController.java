package org.riverbend.billing;

import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/portal/api/invoices")
public class InvoiceController {
    private final StripeGateway stripe;
    private final InvoiceRepository invoices;

    public InvoiceController(StripeGateway stripe, InvoiceRepository invoices) {
        this.stripe = stripe;
        this.invoices = invoices;
    }

    @PostMapping("/{invoiceId}/pay")
    public PaymentResult pay(@PathVariable String invoiceId, @RequestBody CardToken token) {
        Invoice invoice = invoices.get(invoiceId);
        return stripe.charge(token, invoice.balanceCents(), "Invoice " + invoice.number());
    }
}
