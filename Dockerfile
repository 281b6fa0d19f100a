# syntax=docker/dockerfile:1
# The widget service. Built by docker-compose.yml; not built in this repo's CI (no Docker engine there).

# 1. The widget's script and the embed loader, bundled by esbuild.
FROM node:20-bookworm-slim AS scripts
WORKDIR /src
COPY Widget.Web/Client/package.json Widget.Web/Client/package-lock.json Widget.Web/Client/
COPY embed/package.json embed/package-lock.json embed/
RUN cd Widget.Web/Client && npm ci --no-audit --no-fund \
 && cd /src/embed && npm ci --no-audit --no-fund
COPY Widget.Web/Client Widget.Web/Client
COPY embed embed
RUN mkdir -p Widget.Web/wwwroot \
 && cd Widget.Web/Client && npm run build \
 && cd /src/embed && npm run build

# 2. The service, published for the runtime image.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS publish
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY Widget.Core/Widget.Core.csproj Widget.Core/
COPY Widget.Data/Widget.Data.csproj Widget.Data/
COPY Widget.Web/Widget.Web.csproj Widget.Web/
RUN dotnet restore Widget.Web/Widget.Web.csproj
COPY Widget.Core Widget.Core
COPY Widget.Data Widget.Data
COPY Widget.Web Widget.Web
COPY --from=scripts /src/Widget.Web/wwwroot/js Widget.Web/wwwroot/js
COPY --from=scripts /src/Widget.Web/wwwroot/embed.js Widget.Web/wwwroot/embed.js
RUN dotnet publish Widget.Web/Widget.Web.csproj -c Release --no-restore -o /app

# 3. The runtime only, as the image's unprivileged "app" user.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=publish /app .
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
USER $APP_UID
# The image has no curl; bash's /dev/tcp asks the readiness endpoint.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/ready HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "Widget.Web.dll"]
