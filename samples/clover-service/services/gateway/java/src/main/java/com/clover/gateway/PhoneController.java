package com.clover.gateway;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class PhoneController {
    private final UserRepository userRepository;

    public PhoneController(UserRepository userRepository) {
        this.userRepository = userRepository;
    }

    @PreAuthorize("hasRole('SUPPORT')")
    @GetMapping("/users/{id}/phone")
    public String phoneForSupport(@PathVariable String id) {
        return userRepository.findById(id).getPhoneNumber();
    }

    @GetMapping("/users/{id}/contact")
    public String contact(@PathVariable String id) {
        User user = userRepository.findById(id); // auditkit-expect: gateway.authorization
        return user.getPhoneNumber();
    }
}
