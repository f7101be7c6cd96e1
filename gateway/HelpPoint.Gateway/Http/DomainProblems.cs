using HelpPoint.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HelpPoint.Gateway.Http;

/// <summary>Turns domain errors into RFC 7807 problem responses with the domain's sentence as <c>detail</c>.</summary>
public static class DomainProblems
{
    public static ProblemHttpResult ToProblem(this DomainError error) => error.Kind switch
    {
        ErrorKind.NotFound => TypedResults.Problem(statusCode: 404, title: "Not found", detail: error.Message),
        ErrorKind.Conflict => TypedResults.Problem(statusCode: 409, title: "Conflict", detail: error.Message),
        ErrorKind.Forbidden => TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: error.Message),
        _ => TypedResults.Problem(statusCode: 400, title: "Invalid input", detail: error.Message),
    };

    public static ProblemHttpResult Invalid(string detail) => TypedResults.Problem(statusCode: 400, title: "Invalid input", detail: detail);
}
