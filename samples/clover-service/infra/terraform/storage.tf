resource "aws_s3_bucket" "media" {
  bucket = "clover-media-eu"
}

resource "aws_s3_bucket" "analytics_raw" {
  provider = aws.analytics
  bucket   = "clover-analytics-raw"
}

resource "aws_dynamodb_table" "uk_sessions" {
  provider     = aws.uk
  name         = "clover-uk-sessions"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "session_id"

  attribute {
    name = "session_id"
    type = "S"
  }
}

resource "azurerm_resource_group" "platform" {
  name     = "clover-platform"
  location = "westeurope"
}

resource "azurerm_storage_account" "uk_backups" {
  name                     = "cloverukbackups"
  resource_group_name      = azurerm_resource_group.platform.name
  location                 = "uksouth" # auditkit-expect: endpoint.non-eu
  account_tier             = "Standard"
  account_replication_type = "GRS"
}

resource "azurerm_storage_account" "nordic_media" {
  name                     = "clovernordicmedia"
  resource_group_name      = azurerm_resource_group.platform.name
  location                 = "norwayeast"
  account_tier             = "Standard"
  account_replication_type = "ZRS"
}

resource "azurerm_recovery_services_vault" "dr" {
  name                = "clover-dr-vault"
  resource_group_name = azurerm_resource_group.platform.name
  location            = "switzerlandnorth" # auditkit-expect: endpoint.non-eu
  sku                 = "Standard"
}

resource "google_storage_bucket" "thumbnails" {
  name     = "clover-thumbnails-eu"
  location = "europe-west4"
}

resource "google_storage_bucket" "creator_exports" {
  name     = "clover-creator-exports"
  location = "asia-southeast1" # auditkit-expect: endpoint.non-eu
}

resource "alicloud_oss_bucket" "cn_mirror" {
  bucket = "clover-cn-mirror"
  acl    = "private"
}

output "cn_mirror_endpoint" {
  value = "https://clover-cn-mirror.oss-cn-beijing.aliyuncs.com" # auditkit-expect: endpoint.non-eu
}
