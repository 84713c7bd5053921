<#
.SYNOPSIS
    Makes the module's help from docs/help: the MAML file Get-Help reads for the cmdlets
    (en-US/PSDocker.dll-Help.xml) and about_PSDocker.help.txt.

.DESCRIPTION
    Reads the PlatyPS 1.0 markdown (docs/help/<Cmdlet>.md), exports it with Export-MamlCommandHelp,
    then fills in two things that exporter leaves out: each parameter's default value (the markdown's
    DefaultValue; "None" gives none) and prose paragraphs as Get-Help expects them, one line per
    paragraph, so that it wraps them to the console (code blocks and list items keep their lines).
    About topics are copied as text without their YAML front matter. build.ps1 runs this after
    every build; it needs Microsoft.PowerShell.PlatyPS 1.0.

.EXAMPLE
    ./tools/Build-Help.ps1 -Source ./docs/help -ModuleDirectory ./out/PSDocker
#>
[CmdletBinding()]
param(
    # The folder of the help markdown.
    [Parameter(Mandatory)]
    [string] $Source,

    # The built module folder; the help goes to its en-US subfolder.
    [Parameter(Mandatory)]
    [string] $ModuleDirectory
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
Import-Module Microsoft.PowerShell.PlatyPS -MinimumVersion 1.0

$culture = Join-Path $ModuleDirectory 'en-US'
$null = New-Item -ItemType Directory -Force -Path $culture
$staging = Join-Path ([System.IO.Path]::GetTempPath()) "psdocker-help-$PID"
try {
    $commandHelp = @(Get-ChildItem $Source -Filter '*.md' | Where-Object Name -NotLike 'about_*' | Import-MarkdownCommandHelp)
    $exported = Export-MamlCommandHelp -CommandHelp $commandHelp -OutputFolder $staging -Force

    $maml = [xml]::new()
    $maml.PreserveWhitespace = $true
    $maml.Load($exported.FullName)
    $ns = [System.Xml.XmlNamespaceManager]::new($maml.NameTable)
    $ns.AddNamespace('maml', 'http://schemas.microsoft.com/maml/2004/10')
    $ns.AddNamespace('command', 'http://schemas.microsoft.com/maml/dev/command/2004/10')
    $ns.AddNamespace('dev', 'http://schemas.microsoft.com/maml/dev/2004/10')
    $ns.AddNamespace('msh', 'http://msh')

    foreach ($para in $maml.SelectNodes('//maml:para', $ns)) {
        if ($para.InnerText -notmatch '^```') {
            # A line break inside a paragraph or list item becomes a space; blank lines between
            # paragraphs and the line of each new list item stay.
            $para.InnerText = $para.InnerText -replace '(?<=\S)[ \t]*\r?\n(?![ \t]*(\r?\n|- ))[ \t]*', ' '
        }
    }

    foreach ($command in $maml.SelectNodes('/msh:helpItems/command:command', $ns)) {
        $name = $command.SelectSingleNode('command:details/command:name', $ns).InnerText
        $help = $commandHelp | Where-Object Title -EQ $name
        foreach ($parameter in $command.SelectNodes('command:parameters/command:parameter', $ns)) {
            $parameterName = $parameter.SelectSingleNode('maml:name', $ns).InnerText
            $default = ($help.Parameters | Where-Object Name -EQ $parameterName).DefaultValue
            if ($default -and $default -ne 'None' -and -not $parameter.SelectSingleNode('dev:defaultValue', $ns)) {
                $node = $maml.CreateElement('dev', 'defaultValue', 'http://schemas.microsoft.com/maml/dev/2004/10')
                $node.InnerText = $default
                $null = $parameter.AppendChild($node)
            }
        }
    }
    $maml.Save((Join-Path $culture 'PSDocker.dll-Help.xml'))

    foreach ($about in Get-ChildItem $Source -Filter 'about_*.md') {
        $text = (Get-Content $about.FullName -Raw) -replace '\A---\r?\n(?s:.*?)\r?\n---\r?\n\s*', ''
        Set-Content (Join-Path $culture ($about.BaseName + '.help.txt')) $text -NoNewline
    }
    Write-Host "Help: $($commandHelp.Count) cmdlets and the about topics -> $culture"
}
finally {
    Remove-Item $staging -Recurse -Force -ErrorAction Ignore
}
