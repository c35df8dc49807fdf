package dev.cloudshop.auth.key;

import java.time.Instant;

/**
 * A signing key as an administrator sees it: never its private part.
 *
 * @param kid the key id tokens name in their header
 * @param createdAt when it was made
 * @param active whether it is the one new tokens are signed with (the newest active key)
 * @param retiredAt when it was taken out of the JWKS, or {@code null} while published
 */
public record SigningKeyView(String kid, Instant createdAt, boolean active, Instant retiredAt) {
}
