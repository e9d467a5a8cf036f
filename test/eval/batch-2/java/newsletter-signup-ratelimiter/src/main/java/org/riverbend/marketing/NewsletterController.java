package org.riverbend.marketing;

import io.github.resilience4j.ratelimiter.annotation.RateLimiter;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api/newsletter")
public class NewsletterController {
    private final MailingList list;

    public NewsletterController(MailingList list) {
        this.list = list;
    }

    @RateLimiter(name = "newsletterSignup")
    @PostMapping("/subscribe")
    public void subscribe(@RequestParam String email) {
        list.add(email);
    }
}
