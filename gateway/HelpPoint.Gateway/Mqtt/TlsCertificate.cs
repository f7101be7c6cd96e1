using System.Security.Cryptography.X509Certificates;

namespace HelpPoint.Gateway.Mqtt;

/// <summary>Loads the broker's TLS certificate from configuration: PEM certificate + key, or a PFX file.</summary>
public static class TlsCertificate
{
    public static X509Certificate2 Load(MqttTlsOptions tls)
    {
        var path = tls.CertificatePath ?? throw new InvalidOperationException("Mqtt:Tls:CertificatePath is not set");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Mqtt:Tls:CertificatePath '{path}' does not exist");
        }

        var certificate = tls.KeyPath is { Length: > 0 } key
            ? X509Certificate2.CreateFromPemFile(path, key)
            : X509CertificateLoader.LoadPkcs12FromFile(path, tls.CertificatePassword);

        // SslStream on Linux wants a certificate whose key is not ephemeral.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}
