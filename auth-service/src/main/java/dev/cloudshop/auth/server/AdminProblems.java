package dev.cloudshop.auth.server;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import dev.cloudshop.servicedefaults.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The admin API's refusals as problems, like every other 4xx of the suite: {@code 401
 * unauthorized} without a valid token, {@code 403 forbidden} without the role. The bearer
 * token handlers they wrap set the status and the {@code WWW-Authenticate} header (RFC
 * 6750) first.
 */
final class AdminProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final AuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();

	private final AccessDeniedHandler bearerAccessDenied = new BearerTokenAccessDeniedHandler();

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException, ServletException {
		this.bearerEntryPoint.commence(request, response, exception);
		write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
				"A valid bearer token of this issuer is required");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
			throws IOException, ServletException {
		this.bearerAccessDenied.handle(request, response, exception);
		write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "The role ADMIN is required");
	}

	private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String slug,
			String title, String detail) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", Problems.type(slug).toString());
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

}
