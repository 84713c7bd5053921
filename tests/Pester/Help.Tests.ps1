# The help is true to the cmdlets: every exported cmdlet has docs/help/<name>.md in PlatyPS 1.0's
# schema, documenting exactly the cmdlet's parameters (types, aliases, positions, pipeline binding),
# with examples that parse and name the docker command they replace; and Get-Help shows it.
BeforeDiscovery {
    $manifest = Import-PowerShellDataFile (Join-Path $PSScriptRoot '../../PSDocker.psd1')
    $script:cmdlets = @($manifest.CmdletsToExport | ForEach-Object { @{ Name = $_ } })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEngine.ps1')
    Import-Module Microsoft.PowerShell.PlatyPS -MinimumVersion 1.0
    $script:helpDirectory = Join-Path $RepoRoot 'docs/help'
    $script:commonParameters = [System.Management.Automation.Cmdlet]::CommonParameters

    # The ```powershell blocks of an example.
    function Get-ExampleCode([string] $Remarks) {
        [regex]::Matches($Remarks, '(?ms)^```powershell\r?\n(.*?)^```') | ForEach-Object { $_.Groups[1].Value }
    }
}

Describe 'The module' {
    It 'exports exactly the cmdlets its manifest lists' {
        (Get-Command -Module PSDocker).Name | Sort-Object | Should -Be ($cmdlets.Name | Sort-Object)
    }
}

Describe '<Name> help' -ForEach $cmdlets {
    BeforeAll {
        $script:path = Join-Path $helpDirectory "$Name.md"
        $script:command = Get-Command $Name -Module PSDocker
        $script:help = if (Test-Path $path) { Import-MarkdownCommandHelp $path }
    }

    It 'has docs/help/<Name>.md in PlatyPS markdown' {
        $path | Should -Exist
        (Test-MarkdownCommandHelp $path) | Should -BeTrue
        $help.Title | Should -Be $Name
        $help.ModuleName | Should -Be 'PSDocker'
        $help.ExternalHelpFile | Should -Be 'PSDocker.dll-Help.xml'
    }

    It 'has no PlatyPS placeholder left' {
        Get-Content $path -Raw | Should -Not -Match '\{\{ ?(Fill|Add|Insert)'
    }

    It 'has a synopsis and a description' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Description.Length | Should -BeGreaterThan 100
    }

    It 'documents every parameter of the cmdlet and no other' {
        $actual = $command.Parameters.Keys | Where-Object { $_ -notin $commonParameters }

        $help.Parameters.Name | Sort-Object | Should -Be ($actual | Sort-Object)
    }

    It 'gives each parameter the cmdlet''s type, aliases and parameter sets, and a description' {
        foreach ($documented in $help.Parameters) {
            $real = $command.Parameters[$documented.Name]
            $because = "-$($documented.Name) of $Name"
            $documented.Description | Should -Not -BeNullOrEmpty -Because $because
            $documented.DefaultValue | Should -Not -BeNullOrEmpty -Because "$because needs a default (None when there is none)"
            $documented.Type | Should -Be $real.ParameterType.ToString() -Because $because
            @($documented.Aliases | Sort-Object) | Should -Be @($real.Aliases | Sort-Object) -Because $because
            $realSets = $real.ParameterSets.GetEnumerator() | ForEach-Object {
                $set = if ($_.Key -eq '__AllParameterSets') { '(All)' } else { $_.Key }
                $position = if ($_.Value.Position -ge 0) { "$($_.Value.Position)" } else { 'Named' }
                "$set|$position|$($_.Value.IsMandatory)|$($_.Value.ValueFromPipeline)|$($_.Value.ValueFromPipelineByPropertyName)"
            }
            $documentedSets = $documented.ParameterSets | ForEach-Object {
                "$($_.Name)|$($_.Position)|$($_.IsRequired)|$($_.ValueFromPipeline)|$($_.ValueFromPipelineByPropertyName)"
            }
            @($documentedSets | Sort-Object) | Should -Be @($realSets | Sort-Object) -Because $because
            $documented.SupportsWildcards | Should -Be ([bool]($real.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })) -Because $because
        }
    }

    It 'lists the accepted values of its enumeration parameters' {
        foreach ($real in $command.Parameters.Values | Where-Object { $_.Name -notin $commonParameters }) {
            $type = $real.ParameterType
            $type = if ($type.IsArray) { $type.GetElementType() } else { $type }
            $type = if ([Nullable]::GetUnderlyingType($type)) { [Nullable]::GetUnderlyingType($type) } else { $type }
            if ($type.IsEnum) {
                $documented = $help.Parameters | Where-Object Name -EQ $real.Name
                $values = [enum]::GetNames($type) | Where-Object { $_ -ne 'Unknown' }
                @($documented.AcceptedValues) | Should -Be @($values) -Because "-$($real.Name) of $Name takes a $($type.Name)"
            }
        }
    }

    It 'has at least two examples, each naming the docker command it replaces' {
        $help.Examples.Count | Should -BeGreaterOrEqual 2
        ($help.Examples | Where-Object Remarks -Match 'docker [a-z]').Count | Should -BeGreaterOrEqual 2
    }

    It 'has examples whose code parses and uses the cmdlet' {
        foreach ($example in $help.Examples) {
            $code = @(Get-ExampleCode $example.Remarks)
            $code | Should -Not -BeNullOrEmpty -Because "$($example.Title) needs a powershell code block"
            foreach ($block in $code) {
                $tokens = $errors = $null
                $ast = [System.Management.Automation.Language.Parser]::ParseInput($block, [ref]$tokens, [ref]$errors)
                $errors | Should -BeNullOrEmpty -Because "$($example.Title) must parse"
                $commands = $ast.FindAll({ $args[0] -is [System.Management.Automation.Language.CommandAst] }, $true) | ForEach-Object { $_.GetCommandName() }
                if ($block -eq $code[0]) {
                    $commands | Should -Contain $Name -Because "$($example.Title) shows $Name"
                }
                foreach ($used in $commands | Where-Object { $_ -like '*-Container*' }) {
                    $used | Should -BeIn $cmdlets.Name -Because "$($example.Title) uses only cmdlets the module has"
                }
            }
        }
    }

    It 'documents what it takes from the pipeline and what it emits' {
        $pipelineParameters = $command.Parameters.Values | Where-Object { $_.Attributes | Where-Object { $_ -is [Parameter] -and ($_.ValueFromPipeline -or $_.ValueFromPipelineByPropertyName) } }
        if ($pipelineParameters) {
            $help.Inputs | Should -Not -BeNullOrEmpty
        }
        $help.Outputs.Typename | Where-Object { $_ -ne 'None' } | Sort-Object | Should -Be ($command.OutputType.Name | Sort-Object)
        $help.Outputs | ForEach-Object { $_.Description | Should -Not -BeNullOrEmpty }
    }

    It 'names the errors a user meets and links to existing pages' {
        $help.Notes | Should -Match 'Errors you may meet'
        foreach ($link in $help.RelatedLinks | Where-Object Uri -Like '*.md') {
            Join-Path $helpDirectory $link.Uri | Should -Exist
        }
        ($help.RelatedLinks | Where-Object Uri -Like 'https://docs.docker.com/*') | Should -Not -BeNullOrEmpty
    }

    It 'is what Get-Help <Name> shows' {
        $shown = Get-Help $Name -Full

        $shown.Synopsis | Should -Be ($help.Synopsis -replace '\s+', ' ') -Because 'build.ps1 makes out/PSDocker/en-US from docs/help; run it after changing the markdown'
        @($shown.examples.example).Count | Should -Be $help.Examples.Count
        ($shown.parameters.parameter | Where-Object name -EQ ($help.Parameters | Select-Object -First 1).Name).description | Should -Not -BeNullOrEmpty
    }
}

Describe 'about_PSDocker' {
    It 'is what Get-Help about_PSDocker shows' {
        $text = Get-Help about_PSDocker | Out-String

        $text | Should -Match 'PSDocker manages Docker engines from PowerShell'
        $text | Should -Not -Match '^---'
    }

    It 'names only cmdlets the module has, and all of them' {
        $text = Get-Content (Join-Path $helpDirectory 'about_PSDocker.md') -Raw
        $named = [regex]::Matches($text, '\b[A-Z][a-z]+-(Container|Image|Registry)[A-Za-z]*\b').Value | Sort-Object -Unique

        $named | ForEach-Object { $_ | Should -BeIn $cmdlets.Name }
        $cmdlets.Name | ForEach-Object { $named | Should -Contain $_ }
    }

    It 'has code that parses' {
        $text = Get-Content (Join-Path $helpDirectory 'about_PSDocker.md') -Raw
        foreach ($block in Get-ExampleCode $text) {
            $tokens = $errors = $null
            $null = [System.Management.Automation.Language.Parser]::ParseInput($block, [ref]$tokens, [ref]$errors)
            $errors | Should -BeNullOrEmpty
        }
    }
}
