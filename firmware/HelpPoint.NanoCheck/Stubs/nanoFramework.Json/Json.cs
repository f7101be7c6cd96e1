// Stub of nanoFramework.Json 2.2.203 (assembly nanoFramework.Json): the published signatures the firmware uses, bodies that throw.
// Compared member for member (names, parameter and return types, base types, enum values) with
// github.com/nanoframework/nanoFramework.Json at v2.2.203 (commit bdbad0dc65f2c0f9a6e609c53ab716044756c29c).
namespace nanoFramework.Json
{
    using System;

    public static class JsonConvert
    {
        public static object DeserializeObject(string value, Type type, JsonSerializerOptions options) => throw null;
    }

    public sealed class JsonSerializerOptions
    {
        public JsonSerializerOptions() => throw null;
        public bool PropertyNameCaseInsensitive { get => throw null; set => throw null; }
    }
}
