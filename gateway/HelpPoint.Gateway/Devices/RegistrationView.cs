namespace HelpPoint.Gateway.Devices;

/// <summary>A device id's provisioning state as admins see it (never the secret or its hash).</summary>
public sealed record RegistrationView(
    string Id, string Branch, string Kind, string State, DateTimeOffset? RegisteredAt, string? RegisteredBy, DateTimeOffset? SecretIssuedAt,
    DateTimeOffset? RevokedAt, string? RevokedBy, bool Online, DateTimeOffset? LastSeen);
