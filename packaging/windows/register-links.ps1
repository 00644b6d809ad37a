# Registers Unibar for tel:, callto:, sip: and sips: links on Windows, so a click on a phone number in a browser
# or CRM dials through the running bar (Unibar.exe hands the link to it). Per user by default; IT runs it
# with -AllUsers (as administrator) or pushes the same keys by GPO/Intune. See docs/packaging.md.
#   powershell -ExecutionPolicy Bypass -File register-links.ps1 [-InstallDir DIR] [-AllUsers] [-Remove]
param(
  [string]$InstallDir = (Join-Path $env:LOCALAPPDATA "Unibar"),
  [switch]$AllUsers,
  [switch]$Remove
)
$ErrorActionPreference = "Stop"
$root = if ($AllUsers) { "HKLM:\Software\Classes" } else { "HKCU:\Software\Classes" }
$exe = Join-Path $InstallDir "Unibar.exe"
if (-not $Remove -and -not (Test-Path $exe)) { throw "No Unibar.exe in $InstallDir (use -InstallDir)" }
foreach ($scheme in "tel", "callto", "sip", "sips") {
  $key = Join-Path $root $scheme
  if ($Remove) {
    if (Test-Path $key) { Remove-Item -Recurse -Force $key }
    continue
  }
  New-Item -Force -Path $key | Out-Null
  Set-ItemProperty -Path $key -Name "(default)" -Value "URL:$scheme"
  Set-ItemProperty -Path $key -Name "URL Protocol" -Value ""
  New-Item -Force -Path "$key\DefaultIcon" | Out-Null
  Set-ItemProperty -Path "$key\DefaultIcon" -Name "(default)" -Value "`"$exe`",0"
  New-Item -Force -Path "$key\shell\open\command" | Out-Null
  Set-ItemProperty -Path "$key\shell\open\command" -Name "(default)" -Value "`"$exe`" `"%1`""
}
Write-Output ("Unibar " + $(if ($Remove) { "unregistered from" } else { "registered for" }) + " tel:, callto:, sip:, sips: in $root")
