package org.riverbend.roi;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.PropertySource;
import org.springframework.stereotype.Component;

@Component
@PropertySource("classpath:roi.properties")
public class RoiSettings {
    @Value("${roi.allowed-methods}")
    private List<String> allowedMethods;

    public boolean accepts(String method) {
        return allowedMethods.contains(method.toLowerCase());
    }
}
