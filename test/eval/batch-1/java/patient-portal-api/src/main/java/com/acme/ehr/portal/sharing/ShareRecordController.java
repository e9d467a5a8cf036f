package com.acme.ehr.portal.sharing;

import java.util.Arrays;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/share")
public class ShareRecordController {

    private final ShareService shareService;

    public ShareRecordController(ShareService shareService) {
        this.shareService = shareService;
    }

    @GetMapping("/methods")
    public List<ShareMethodView> methods() {
        return Arrays.stream(ShareMethod.values())
                .map(m -> new ShareMethodView(m.name(), m.label(), m.isElectronic()))
                .toList();
    }

    @PostMapping
    public ResponseEntity<ShareReceipt> share(@AuthenticationPrincipal Jwt jwt,
                                              @RequestBody ShareRequest request) {
        ShareReceipt receipt = shareService.share(jwt.getClaimAsString("patient"),
                request.method(), request.destination(), request.sections());
        return ResponseEntity.accepted().body(receipt);
    }

    public record ShareMethodView(String code, String label, boolean electronic) { }
}
