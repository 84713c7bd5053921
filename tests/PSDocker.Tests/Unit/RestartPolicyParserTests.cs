using Docker.DotNet.Models;
using PSDocker.EngineAccess;

namespace PSDocker.Tests.Unit;

public sealed class RestartPolicyParserTests
{
    [Theory]
    [InlineData("no", RestartPolicyKind.No, 0)]
    [InlineData("always", RestartPolicyKind.Always, 0)]
    [InlineData("Always", RestartPolicyKind.Always, 0)]
    [InlineData("unless-stopped", RestartPolicyKind.UnlessStopped, 0)]
    [InlineData("on-failure", RestartPolicyKind.OnFailure, 0)]
    [InlineData("on-failure:5", RestartPolicyKind.OnFailure, 5)]
    [InlineData("on-failure:0", RestartPolicyKind.OnFailure, 0)]
    public void Parse_Policies(string text, RestartPolicyKind kind, long retries)
    {
        var policy = RestartPolicyParser.Parse(text);
        Assert.Equal(kind, policy.Name);
        Assert.Equal(retries, policy.MaximumRetryCount);
    }

    [Theory]
    [InlineData("", "is not a policy")]
    [InlineData("sometimes", "'sometimes' is not a policy")]
    [InlineData("always:3", "only on-failure")]
    [InlineData("on-failure:", "is not a retry count")]
    [InlineData("on-failure:-1", "'-1' is not a retry count")]
    [InlineData("on-failure:x", "'x' is not a retry count")]
    public void Parse_Invalid_Throws(string text, string reason)
    {
        var e = Assert.Throws<InvalidSpecException>(() => RestartPolicyParser.Parse(text));
        Assert.Equal("InvalidRestartPolicy", e.ErrorId);
        Assert.Contains(reason, e.Message);
    }
}
