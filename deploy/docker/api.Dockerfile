# The api: REST routes and health, joining the silos as an Orleans client (Api__CoHostSilo=false).
# Build from the repository root:  docker build -f deploy/docker/api.Dockerfile -t orleans-crm-api .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish api/OrleansCrm.Api.csproj -c Release -o /app --no-self-contained

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_ENVIRONMENT=Production \
    Urls=http://+:8080 \
    Shutdown__DrainDelay=00:00:05
EXPOSE 8080
# The images' non-root user (uid 1654).
USER $APP_UID
HEALTHCHECK --interval=10s --timeout=6s --start-period=30s --retries=3 \
    CMD ["dotnet", "OrleansCrm.Api.dll", "probe", "http://127.0.0.1:8080/health/ready"]
ENTRYPOINT ["dotnet", "OrleansCrm.Api.dll"]
