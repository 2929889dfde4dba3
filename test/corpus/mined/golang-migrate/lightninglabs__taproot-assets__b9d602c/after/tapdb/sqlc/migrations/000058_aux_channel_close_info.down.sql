DROP TABLE IF EXISTS aux_channel_close_info;
