package dev.cloudshop.auth.user;

import javax.sql.DataSource;

import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.util.Assert;

/**
 * Users in the database, in {@link JdbcUserDetailsManager}'s schema, with passwords
 * hashed by the delegating encoder (bcrypt, named in each hash, so the algorithm can
 * change without invalidating stored hashes). The demo users are made at start-up when
 * they are missing; an existing user is left as it is.
 */
@Configuration(proxyBeanMethods = false)
class UserConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	JdbcUserDetailsManager users(DataSource dataSource) {
		return new JdbcUserDetailsManager(dataSource);
	}

	@Bean
	ApplicationRunner demoUsers(JdbcUserDetailsManager users, PasswordEncoder encoder, DemoUserProperties properties) {
		return (args) -> {
			createIfMissing(users, encoder, "ada", properties.adaPassword(), Roles.CUSTOMER);
			createIfMissing(users, encoder, "bob", properties.bobPassword(), Roles.CUSTOMER);
			createIfMissing(users, encoder, "admin", properties.adminPassword(), Roles.ADMIN);
		};
	}

	private static void createIfMissing(JdbcUserDetailsManager users, PasswordEncoder encoder, String username,
			String password, String role) {
		if (users.userExists(username)) {
			return;
		}
		Assert.hasText(password, () -> "No password for demo user " + username);
		users.createUser(User.withUsername(username).password(encoder.encode(password)).roles(role).build());
	}

}
