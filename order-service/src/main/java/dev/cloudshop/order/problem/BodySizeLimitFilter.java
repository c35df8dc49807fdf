package dev.cloudshop.order.problem;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over {@link WebLimits#maxBodySize()} with 413: at once when its
 * {@code Content-Length} says so, otherwise as soon as reading passes the limit.
 */
@Component
class BodySizeLimitFilter extends OncePerRequestFilter {

	private final WebLimits limits;

	private final JsonMapper jsonMapper;

	BodySizeLimitFilter(WebLimits limits, JsonMapper jsonMapper) {
		this.limits = limits;
		this.jsonMapper = jsonMapper;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long limit = this.limits.maxBodySize().toBytes();
		if (request.getContentLengthLong() > limit) {
			PayloadTooLargeException tooLarge = new PayloadTooLargeException(this.limits.maxBodySize());
			response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			tooLarge.getBody().setInstance(java.net.URI.create(request.getRequestURI()));
			this.jsonMapper.writeValue(response.getOutputStream(), tooLarge.getBody());
			return;
		}
		chain.doFilter(new LimitedRequest(request, this.limits), response);
	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final WebLimits limits;

		private ServletInputStream limited;

		LimitedRequest(HttpServletRequest request, WebLimits limits) {
			super(request);
			this.limits = limits;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.limited == null) {
				this.limited = new LimitedInputStream(super.getInputStream(), this.limits);
			}
			return this.limited;
		}

	}

	private static final class LimitedInputStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final WebLimits limits;

		private long read;

		LimitedInputStream(ServletInputStream delegate, WebLimits limits) {
			this.delegate = delegate;
			this.limits = limits;
		}

		@Override
		public int read() throws IOException {
			int next = this.delegate.read();
			if (next >= 0) {
				count(1);
			}
			return next;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int count = this.delegate.read(buffer, offset, length);
			if (count > 0) {
				count(count);
			}
			return count;
		}

		private void count(int bytes) throws PayloadTooLargeException {
			this.read += bytes;
			if (this.read > this.limits.maxBodySize().toBytes()) {
				throw new PayloadTooLargeException(this.limits.maxBodySize());
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
