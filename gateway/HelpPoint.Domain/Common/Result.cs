namespace HelpPoint.Domain.Common;

/// <summary>Why a domain operation did not happen, in terms an HTTP or MQTT adapter can translate.</summary>
public enum ErrorKind
{
    NotFound,
    Conflict,
    Forbidden,
    Invalid,
}

/// <summary>A domain failure: its kind and a sentence for the person who caused it.</summary>
public sealed record DomainError(ErrorKind Kind, string Message)
{
    public static DomainError NotFound(string message) => new(ErrorKind.NotFound, message);

    public static DomainError Conflict(string message) => new(ErrorKind.Conflict, message);

    public static DomainError Forbidden(string message) => new(ErrorKind.Forbidden, message);

    public static DomainError Invalid(string message) => new(ErrorKind.Invalid, message);
}

/// <summary>Either a value or a <see cref="DomainError"/>.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, DomainError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public DomainError? Error { get; }

    public bool IsSuccess => Error is null;

    public static Result<T> Ok(T value) => new(value, null);

    public static Result<T> Fail(DomainError error) => new(default, error);

    public static implicit operator Result<T>(DomainError error) => Fail(error);

    public static implicit operator Result<T>(T value) => Ok(value);
}
