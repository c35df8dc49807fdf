# The image of every Spring Boot service of the suite, one template for all seven:
#
#   docker build --build-arg SERVICE=order-service --build-arg PORT=8081 -t cloudshop/order-service .
#
# docker-compose.yml passes each service's arguments. Built from the jar that
# `./mvnw -DskipTests package` leaves in <service>/target, with the repository root as the
# build context (see .dockerignore): no Maven and no network inside the build.
#
# Build arguments:
#   SERVICE             the module, such as order-service; its jar is <SERVICE>/target/<SERVICE>.jar
#   PORT                the port it listens on (its application.yml reads PORT)
#   MAX_RAM_PERCENTAGE  the heap's share of the container's memory limit, 50 unless the
#                       service needs more (image-service: 65)

# Stage 1: split the fat jar into Spring Boot's layers.
FROM eclipse-temurin:25-jre AS layers
ARG SERVICE
ARG PORT
# Fail with the reason, rather than on a jar path with an empty name or an image that
# listens on nothing its healthcheck knows.
RUN if [ -z "$SERVICE" ] || [ -z "$PORT" ]; then \
      echo "Build with --build-arg SERVICE=<module> --build-arg PORT=<port>, as docker-compose.yml does" >&2; \
      exit 1; \
    fi
WORKDIR /build
COPY ${SERVICE}/target/${SERVICE}.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

# Stage 2: the layers from least to most often changed, so that a code change rebuilds and
# ships only the last, small one.
FROM eclipse-temurin:25-jre
ARG SERVICE
ARG PORT
ARG MAX_RAM_PERCENTAGE=50
# Which service an image is, for `docker inspect`: every image comes from this one file.
LABEL org.opencontainers.image.title=${SERVICE}
WORKDIR /app
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./

# A numeric user, so that Kubernetes' runAsNonRoot can verify it; the files stay root's, read only.
USER 1000:1000
# The heap is half of the container's memory limit; the other half is for metaspace, code cache,
# thread stacks and direct buffers, about 150-200 MB for a Spring Boot service. image-service
# takes 65 %: a 40-megapixel decode alone takes about 384 MB of heap, so size its limit for
# IMAGE_MAX_CONCURRENT_DECODES x 384 MB + 150 MB of heap, plus about 200 MB for the rest.
# Serial GC: small heaps on one or two CPUs. Override per deployment with JAVA_TOOL_OPTIONS.
ENV PORT=${PORT} \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=${MAX_RAM_PERCENTAGE} -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"
EXPOSE ${PORT}

# The image has no curl or wget: bash's /dev/tcp sends the request, and only a 200 status line
# (readiness answers 503 while a dependency such as the database is down) counts as healthy.
# PORT is read when the check runs, so a deployment that moves the port keeps a true check.
HEALTHCHECK --interval=5s --timeout=3s --start-period=180s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/$PORT && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]

ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
