namespace HelpPoint.Gateway.Mqtt;

/// <summary>The MQTT side of the gateway (configuration section <c>Mqtt</c>).</summary>
public sealed class MqttOptions
{
    public const string Section = "Mqtt";

    /// <summary><c>embedded</c> (default): the gateway is the broker. <c>external</c>: the gateway connects to Mosquitto/EMQX as a client.</summary>
    public string Mode { get; set; } = "embedded";

    /// <summary>TCP port: the embedded broker listens on it; in external mode, the broker's port. Default 1883.</summary>
    public int Port { get; set; } = 1883;

    /// <summary>Address the embedded broker listens on. Default all interfaces, so help points on the library network reach it.</summary>
    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>External mode: the broker's host name.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>External mode: the gateway's own user at the broker (its ACL allows all of <c>helppoint/v1/#</c>).</summary>
    public string Username { get; set; } = "helppoint-gateway";

    /// <summary>External mode: the gateway's password at the broker.</summary>
    public string? Password { get; set; }

    /// <summary>External mode: this instance's client id; each gateway needs its own. Default <c>helppoint-gateway-{machine}</c>.</summary>
    public string? ClientId { get; set; }

    /// <summary>External mode: the shared-subscription group that splits device messages between gateways.</summary>
    public string SharedGroup { get; set; } = "helppoint";

    /// <summary>External mode: connect with TLS.</summary>
    public bool UseTls { get; set; }

    /// <summary>External mode: messages handled at once (per-device order is kept).</summary>
    public int Workers { get; set; } = 8;

    /// <summary>Embedded mode: per-device rate limits.</summary>
    public DeviceRateLimits RateLimit { get; set; } = new();

    /// <summary>Embedded mode: TLS listener (off unless a certificate is configured).</summary>
    public MqttTlsOptions Tls { get; set; } = new();

    public bool IsExternal => string.Equals(Mode, "external", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The embedded broker's TLS listener (configuration section <c>Mqtt:Tls</c>).</summary>
public sealed class MqttTlsOptions
{
    /// <summary>TLS port. Default 8883; used only when <see cref="CertificatePath"/> is set.</summary>
    public int Port { get; set; } = 8883;

    /// <summary>Server certificate: a PEM file (with <see cref="KeyPath"/>) or a PKCS#12/PFX file.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>PEM private key of the certificate.</summary>
    public string? KeyPath { get; set; }

    /// <summary>Password of a PFX file, if any.</summary>
    public string? CertificatePassword { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(CertificatePath);
}
