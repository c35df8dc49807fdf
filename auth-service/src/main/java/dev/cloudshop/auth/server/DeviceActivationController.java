package dev.cloudshop.auth.server;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The page the device authorization response sends a person to
 * ({@code verification_uri}): a form for the user code, which hands it to the device
 * verification endpoint (which asks the person to sign in first); and the page they land
 * on once the device is approved.
 */
@Controller
class DeviceActivationController {

	private static final String FORM = """
			<!DOCTYPE html>
			<html lang="en"><head><meta charset="utf-8"><title>Cloud Shop: activate a device</title></head>
			<body>
			<h1>Activate a device</h1>
			<form method="get" action="/oauth2/device_verification">
			<label>Code shown on your device <input name="user_code" autofocus required></label>
			<button type="submit">Continue</button>
			</form>
			</body></html>
			""";

	private static final String ACTIVATED = """
			<!DOCTYPE html>
			<html lang="en"><head><meta charset="utf-8"><title>Cloud Shop: device activated</title></head>
			<body><h1>Device activated</h1><p>You can go back to your device.</p></body></html>
			""";

	@GetMapping(SecurityConfiguration.ACTIVATE)
	ResponseEntity<String> activate(@RequestParam(name = "user_code", required = false) String userCode,
			@RequestParam(required = false) String success) {
		if (success != null) {
			return html(ACTIVATED);
		}
		if (userCode != null && !userCode.isBlank()) {
			String verification = UriComponentsBuilder.fromPath("/oauth2/device_verification")
				.queryParam("user_code", userCode)
				.encode()
				.toUriString();
			return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, verification).build();
		}
		return html(FORM);
	}

	private static ResponseEntity<String> html(String page) {
		return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(page);
	}

}
