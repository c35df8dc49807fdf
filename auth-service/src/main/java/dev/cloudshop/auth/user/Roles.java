package dev.cloudshop.auth.user;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;

/**
 * The suite's roles. A user holds them as authorities {@code ROLE_CUSTOMER} and
 * {@code ROLE_ADMIN}; tokens carry them without the prefix.
 */
public final class Roles {

	public static final String CUSTOMER = "CUSTOMER";

	public static final String ADMIN = "ADMIN";

	private static final String PREFIX = "ROLE_";

	private Roles() {
	}

	/**
	 * The roles among a user's authorities, without their prefix (other authorities, such
	 * as the factors of the sign-in, are left out).
	 * @param authorities the user's authorities
	 * @return the roles, sorted
	 */
	public static List<String> of(Collection<? extends GrantedAuthority> authorities) {
		return authorities.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority != null && authority.startsWith(PREFIX))
			.map((authority) -> authority.substring(PREFIX.length()))
			.distinct()
			.sorted()
			.toList();
	}

}
