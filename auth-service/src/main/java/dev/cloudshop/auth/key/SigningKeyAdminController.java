package dev.cloudshop.auth.key;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rotation of the signing keys, for administrators (a bearer token with the role
 * {@code ADMIN}).
 */
@RestController
@RequestMapping("/admin/signing-keys")
class SigningKeyAdminController {

	private final SigningKeys keys;

	SigningKeyAdminController(SigningKeys keys) {
		this.keys = keys;
	}

	@GetMapping
	List<SigningKeyView> list() {
		return this.keys.list();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	SigningKeyView rotate() {
		return this.keys.rotate();
	}

	@PostMapping("/{kid}/retire")
	SigningKeyView retire(@PathVariable String kid) {
		return this.keys.retire(kid);
	}

}
