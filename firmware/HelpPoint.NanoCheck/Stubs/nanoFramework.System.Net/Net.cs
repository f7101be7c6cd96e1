// Stub of nanoFramework.System.Net 1.11.60 (assembly System.Net): what M2Mqtt's signatures need.
namespace System.Security.Cryptography.X509Certificates
{
    public class X509Certificate
    {
        public X509Certificate() => throw null;
        public X509Certificate(byte[] certificate) => throw null;
        public X509Certificate(string certificate) => throw null;
    }
}
