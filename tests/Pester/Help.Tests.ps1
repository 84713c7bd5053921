# The help is true to the cmdlets: every exported cmdlet has docs/help/<name>.md in PlatyPS 1.0's
# schema, documenting exactly the cmdlet's parameters (types, aliases, positions, pipeline binding),
# with examples that parse and name the docker command they replace; and Get-Help shows it, from the
# committed src/PSDocker/en-US that every build copies into out/PSDocker/en-US.
# The markdown is read without PlatyPS (HelpMarkdown.ps1), so all of that is checked everywhere.
# Where PlatyPS is there (../shared/psmodules/Microsoft.PowerShell.PlatyPS), the committed MAML and
# about text are also compared with what tools/Build-Help.ps1 makes of the current markdown; where
# it is not, that one test says it was skipped, and why.
BeforeDiscovery {
    $manifest = Import-PowerShellDataFile (Join-Path $PSScriptRoot '../../PSDocker.psd1')
    $script:cmdlets = @($manifest.CmdletsToExport | ForEach-Object { @{ Name = $_ } })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEngine.ps1')
    . (Join-Path $PSScriptRoot 'HelpMarkdown.ps1')
    $script:helpDirectory = Join-Path $RepoRoot 'docs/help'
    $script:committedHelp = Join-Path $RepoRoot 'src/PSDocker/en-US'
    $script:builtHelp = Join-Path $RepoRoot 'out/PSDocker/en-US'
    $script:platyPS = [System.IO.Path]::GetFullPath((Join-Path $RepoRoot '../shared/psmodules/Microsoft.PowerShell.PlatyPS'))
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
        $script:help = if (Test-Path $path) { Read-HelpMarkdown $path }
    }

    It 'has docs/help/<Name>.md in PlatyPS markdown' {
        $path | Should -Exist
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
        # A cmdlet that emits nothing may declare no output type, or System.Void; its help says None.
        $declared = @($command.OutputType | ForEach-Object { $_.Name } | Where-Object { $_ -ne 'System.Void' } | Sort-Object)
        @($help.Outputs.Typename | Where-Object { $_ -notin 'None', 'System.Void' } | Sort-Object) | Should -Be $declared
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

        $shown.Synopsis | Should -Be ($help.Synopsis -replace '\s+', ' ') -Because './build.ps1 -Help makes src/PSDocker/en-US from docs/help; run it after changing the markdown'
        @($shown.examples.example).Count | Should -Be $help.Examples.Count
        ($shown.parameters.parameter | Where-Object name -EQ ($help.Parameters | Select-Object -First 1).Name).description | Should -Not -BeNullOrEmpty
    }

    It 'shows its examples as code without markdown fences' {
        $shown = Get-Help $Name -Examples

        foreach ($example in $shown.examples.example) {
            $example.code | Should -Not -BeNullOrEmpty -Because "$($example.title.Trim('- ')) has code"
            $example.code | Should -Not -Match '```'
            @($example.remarks.Text) -join "`n" | Should -Not -Match '```'
        }
        (Get-Help $Name -Examples | Out-String) | Should -Not -Match '```'
    }

    It 'opens a web address with Get-Help <Name> -Online, never a relative .md path' {
        $uris = @((Get-Help $Name).relatedLinks.navigationLink | ForEach-Object { $_.uri } | Where-Object { $_ })

        # Get-Help -Online opens the first address; every address is a web page.
        $uris | Should -Not -BeNullOrEmpty
        foreach ($uri in $uris) {
            [uri]::IsWellFormedUriString($uri, [UriKind]::Absolute) | Should -BeTrue -Because "$uri must be an absolute address"
            ([uri]$uri).Scheme | Should -Be 'https'
        }
    }
}

Describe 'about_PSDocker' {
    It 'is what Get-Help about_PSDocker shows' {
        $text = Get-Help about_PSDocker | Out-String

        $text | Should -Match 'PSDocker manages Docker engines from PowerShell'
        $text | Should -Not -Match '^---'
    }

    It 'reads as plain help text: no markdown headings, fences or table rules' {
        $text = Get-Help about_PSDocker | Out-String

        $text | Should -Match '(?m)^TOPIC\s*$'
        $text | Should -Match '(?m)^SHORT DESCRIPTION\s*$'
        $text | Should -Match '(?m)^LONG DESCRIPTION\s*$'
        $text | Should -Not -Match '(?m)^\s*#'
        $text | Should -Not -Match '```'
        $text | Should -Not -Match '\|\s*-{3,}\s*\|'
        $text | Should -Not -Match '\*\*'
        $text | Should -Match '(?m)^\s+Get-Container -Status Exited \| Remove-Container -Force -Volume\s*$'
    }

    It 'names only cmdlets the module has, and all of them' {
        $text = Get-Content (Join-Path $helpDirectory 'about_PSDocker.md') -Raw
        $named = [regex]::Matches($text, '\b[A-Z][a-z]+-(Container|Image|Registry|Compose)[A-Za-z]*\b').Value | Sort-Object -Unique

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

Describe 'The help files' {
    It 'are in the module a plain dotnet build makes (out/PSDocker/en-US), as committed' {
        foreach ($file in 'PSDocker.dll-Help.xml', 'about_PSDocker.help.txt') {
            Join-Path $builtHelp $file | Should -Exist
            (Get-FileHash (Join-Path $builtHelp $file)).Hash | Should -Be (Get-FileHash (Join-Path $committedHelp $file)).Hash -Because "the build copies src/PSDocker/en-US/$file"
        }
        (Get-Module PSDocker).ModuleBase | Should -Be (Resolve-Path (Join-Path $RepoRoot 'out/PSDocker')).Path
        (Get-Help Get-Container).description | Should -Not -BeNullOrEmpty
    }

    It 'are what PlatyPS makes of docs/help now (skipped without ../shared/psmodules/Microsoft.PowerShell.PlatyPS)' {
        if (-not (Test-Path $platyPS)) {
            Set-ItResult -Skipped -Because "PlatyPS is not at $platyPS, so the committed MAML was not compared with the markdown (the markdown was still checked against the cmdlets above)"
            return
        }
        $fresh = Join-Path ([System.IO.Path]::GetTempPath()) "psd-pester-help-$TestRunId"
        try {
            & (Join-Path $RepoRoot 'tools/Build-Help.ps1') -OutputDirectory $fresh -PlatyPSPath $platyPS 6> $null
            foreach ($markdown in Get-ChildItem $helpDirectory -Filter '*-*.md') {
                Test-MarkdownCommandHelp $markdown.FullName | Should -BeTrue -Because "PlatyPS reads $($markdown.Name)"
            }
            foreach ($file in Get-ChildItem $fresh) {
                $committed = Join-Path $committedHelp $file.Name
                $committed | Should -Exist
                Get-Content $committed -Raw | Should -BeExactly (Get-Content $file.FullName -Raw) -Because "src/PSDocker/en-US/$($file.Name) must be remade after docs/help changes: run ./build.ps1 -Help and commit it"
            }
            @(Get-ChildItem $committedHelp).Count | Should -Be @(Get-ChildItem $fresh).Count
        }
        finally {
            Remove-Item $fresh -Recurse -Force -ErrorAction Ignore
        }
    }
}
