resource "azurerm_cognitive_account" "speech" {
  name                = "clover-captions"
  resource_group_name = azurerm_resource_group.platform.name
  location            = "eastus" # auditkit-expect: endpoint.non-eu
  kind                = "SpeechServices"
  sku_name            = "S0"
}

resource "google_vertex_ai_endpoint" "ranking" {
  name         = "ranking"
  display_name = "feed-ranking"
  location     = "europe-west4"
}

resource "google_vertex_ai_endpoint" "engagement" {
  provider     = google.uk
  name         = "engagement"
  display_name = "engagement-score"
  location     = "us-central1" # auditkit-expect: endpoint.non-eu
}
