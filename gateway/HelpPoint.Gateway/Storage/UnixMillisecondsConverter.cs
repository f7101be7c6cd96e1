using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HelpPoint.Gateway.Storage;

/// <summary>Stores instants as Unix milliseconds (UTC): comparable and sortable in SQL on every provider.</summary>
public sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.ToUnixTimeMilliseconds(),
    v => DateTimeOffset.FromUnixTimeMilliseconds(v));
