package com.example.developer;

import java.time.Duration;
import java.time.Instant;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class AppRegistrationController {
    private final ClientRepository clients;
    private final AppReviewBoard board;

    public AppRegistrationController(ClientRepository clients, AppReviewBoard board) {
        this.clients = clients;
        this.board = board;
    }

    @PostMapping("/oauth2/register")
    public ResponseEntity<RegisteredApp> register(@RequestBody RegistrationRequest body) {
        RegisteredApp app = RegisteredApp.from(body);
        // ruleid: app-registration-gate
        app.setStatus(AppStatus.AWAITING_REVIEW);
        // ruleid: app-registration-gate
        app.setProductionAvailableAt(Instant.now().plus(Duration.ofDays(21)));
        clients.save(app);
        return ResponseEntity.status(201).body(app);
    }

    @PostMapping("/oauth2/register/committee")
    public ResponseEntity<RegisteredApp> registerForCommittee(@RequestBody RegistrationRequest body) {
        RegisteredApp app = clients.save(RegisteredApp.from(body));
        // ruleid: app-registration-gate
        board.sendToCommitteeReview(app);
        return ResponseEntity.status(201).body(app);
    }

    @PostMapping("/oauth2/register/verified")
    public ResponseEntity<RegisteredApp> registerVerified(@RequestBody RegistrationRequest body) {
        RegisteredApp app = RegisteredApp.from(body);
        if (!body.hasSignedSoftwareStatement()) {
            // ok: app-registration-gate
            app.setStatus(AppStatus.PENDING_VERIFICATION);
        }
        // ok: app-registration-gate
        app.setProductionAvailableAt(Instant.now().plus(Duration.ofDays(3)));
        clients.save(app);
        return ResponseEntity.status(201).body(app);
    }
}
