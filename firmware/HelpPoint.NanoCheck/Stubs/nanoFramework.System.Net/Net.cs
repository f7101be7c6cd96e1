// Stub of nanoFramework.System.Net 1.11.60 (assembly System.Net): the published signatures the firmware uses, bodies that throw.
// Compared member for member (names, parameter and return types, base types, enum values) with
// github.com/nanoframework/System.Net at v1.11.54 (commit 713b02c9fea5265e4e70981a9115daa3b5745c4c).
// (The newest commit when compared.) Only what M2Mqtt's signatures need.
namespace System.Security.Cryptography.X509Certificates
{
    public class X509Certificate
    {
        public X509Certificate() => throw null;
        public X509Certificate(byte[] certificate) => throw null;
        public X509Certificate(string certificate) => throw null;
    }
}
