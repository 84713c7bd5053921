# Tab completion as the console asks for it (TabExpansion2): container names from the live engine,
# restart policies, images, networks, contexts, signals and states.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEngine.ps1')

    $script:first = New-TestContainer -Command sleep, 300
    $script:second = New-TestContainer -Command true -NoStart
    $script:prefix = "psd-pester-$TestRunId-"

    # What PowerShell offers with the cursor at the end of $Line (a CommandCompletion).
    function Get-Completion([string] $Line) {
        TabExpansion2 -inputScript $Line -cursorColumn $Line.Length
    }

    # The completions offered at the end of $Line.
    function Complete([string] $Line) {
        @((Get-Completion $Line).CompletionMatches)
    }

    # The command line once a completion is accepted, parsed: its elements after the command name.
    function Get-ArgumentAst([string] $Line) {
        $tokens = $errors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($Line, [ref]$tokens, [ref]$errors)
        $errors | Should -BeNullOrEmpty
        $ast.Find({ $args[0] -is [System.Management.Automation.Language.CommandAst] }, $true).CommandElements | Select-Object -Skip 1
    }
}

AfterAll {
    Remove-TestContainers
}

Describe 'Container name completion' {
    It 'completes Stop-Container <prefix> with the live container names, sorted' {
        $completions = Complete "Stop-Container $prefix"

        $completions.CompletionText | Should -Be (@($first.Name, $second.Name) | Sort-Object)
        $completions | ForEach-Object { $_.ResultType | Should -Be 'ParameterValue' }
    }

    It 'describes each completion with its image and state' {
        $match = Complete "Stop-Container $($first.Name)" | Where-Object CompletionText -EQ $first.Name

        $match.ToolTip | Should -Be "$TestImage (Running)"
    }

    It 'completes a name typed after an opening quote, and the completed line parses as one name' {
        $line = "Stop-Container '$($first.Name.Substring(0, $first.Name.Length - 2))"
        $completion = Get-Completion $line
        $match = $completion.CompletionMatches[0]

        $match.CompletionText | Should -Be $first.Name
        $accepted = $line.Substring(0, $completion.ReplacementIndex) + $match.CompletionText
        $arguments = @(Get-ArgumentAst $accepted)
        $arguments | Should -HaveCount 1
        $arguments[0].Value | Should -Be $first.Name
    }

    It 'completes -Name and -DockerHost-targeted lines of the other container cmdlets' {
        (Complete "Get-Container -Name $prefix").CompletionText | Should -Contain $first.Name
        (Complete "Get-ContainerLog $prefix").CompletionText | Should -Contain $first.Name
        (Complete "Invoke-ContainerExec $prefix").CompletionText | Should -Contain $first.Name
        $engine = if ($env:DOCKER_HOST) { $env:DOCKER_HOST } else { "unix:///var/run/docker.sock" }
        (Complete "Remove-Container -DockerHost $engine $prefix").CompletionText | Should -Contain $second.Name
    }

    It 'completes nothing, and quickly, when the engine cannot be reached' {
        $watch = [System.Diagnostics.Stopwatch]::StartNew()

        $completions = Complete "Stop-Container -DockerHost unix:///nonexistent/docker.sock $prefix"

        $completions | Should -BeNullOrEmpty
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 5
    }
}

Describe 'Restart policy completion' {
    It 'completes -RestartPolicy with the policies docker knows' {
        (Complete 'New-Container busybox -RestartPolicy ').CompletionText | Should -Be @('no', 'always', 'unless-stopped', 'on-failure')
        (Complete 'Invoke-Container busybox -RestartPolicy un').CompletionText | Should -Be 'unless-stopped'
    }
}

Describe 'Completion of the other names a command line takes' {
    It 'completes -Image with the local images' {
        $repository = $TestImage.Split(':')[0]
        (Complete "New-Container -Image $repository").CompletionText | Should -Contain $TestImage
        (Complete "Get-Container -Image $repository").CompletionText | Should -Contain $TestImage
    }

    It 'completes -Network with the engine''s networks' {
        (Complete 'New-Container busybox -Network br').CompletionText | Should -Contain 'bridge'
    }

    It 'completes -Context with the docker contexts, the default one included' {
        (Complete 'Get-Container -Context def').CompletionText | Should -Contain 'default'
    }

    It 'completes -Signal with signal names' {
        (Complete 'Stop-Container web -Signal SIGH').CompletionText | Should -Be 'SIGHUP'
    }

    It 'completes -Status with the states Get-Container can filter on, never Unknown' {
        $states = (Complete 'Get-Container -Status ').CompletionText
        $states | Should -Contain 'Running'
        $states | Should -Contain 'Exited'
        $states | Should -Not -Contain 'Unknown'
    }
}
