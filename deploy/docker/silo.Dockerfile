# A headless silo: the unit you scale out. The same image runs the one-shot schema migration (`migrate`).
# Build from the repository root:  docker build -f deploy/docker/silo.Dockerfile -t orleans-crm-silo .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish silo/OrleansCrm.Silo.csproj -c Release -o /app --no-self-contained

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV DOTNET_ENVIRONMENT=Production \
    Orleans__AdvertisedIP=auto \
    Orleans__SiloPort=11111 \
    Orleans__GatewayPort=30000 \
    Silo__HealthPort=8081 \
    Shutdown__DrainDelay=00:00:05
EXPOSE 11111 30000 8081
USER $APP_UID
HEALTHCHECK --interval=10s --timeout=6s --start-period=30s --retries=3 \
    CMD ["dotnet", "OrleansCrm.Silo.dll", "probe", "http://127.0.0.1:8081/health/ready"]
ENTRYPOINT ["dotnet", "OrleansCrm.Silo.dll"]
