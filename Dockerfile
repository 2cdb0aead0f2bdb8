# Builds portal-admin (the service and its operator CLI) in release mode. Migrations and templates
# are compiled into the binary, so the runtime image needs nothing beside it.
FROM swift:6.3-bookworm AS build
WORKDIR /src
COPY . .
RUN swift build -c release --product portal-admin --static-swift-stdlib \
    && cp "$(swift build -c release --show-bin-path)/portal-admin" /usr/local/bin/portal-admin

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates libcurl4 libxml2 tzdata \
    && rm -rf /var/lib/apt/lists/* && useradd --system --uid 10001 portal
COPY --from=build /usr/local/bin/portal-admin /usr/local/bin/portal-admin
USER portal
ENV HTTP_HOST=0.0.0.0 HTTP_PORT=8080
EXPOSE 8080
ENTRYPOINT ["portal-admin"]
CMD ["serve"]
